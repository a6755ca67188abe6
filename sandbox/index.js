module.exports = {
  startFakeTwilio: require("./twilio/fake-twilio").startFakeTwilio,
  startFakeRazorpay: require("./razorpay/fake-razorpay").startFakeRazorpay,
  startFakeCloudinary: require("./cloudinary/fake-cloudinary").startFakeCloudinary,
}
