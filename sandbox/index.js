module.exports = {
  startFakeRazorpay: require("./razorpay/fake-razorpay").startFakeRazorpay,
  startFakeCloudinary: require("./cloudinary/fake-cloudinary").startFakeCloudinary,
}
