module.exports = {
  startFakeTwilio: require("./twilio/fake-twilio").startFakeTwilio,
  startFakeGraph: require("./whatsapp/fake-graph").startFakeGraph,
  startFakeRazorpay: require("./razorpay/fake-razorpay").startFakeRazorpay,
  startFakeCloudinary: require("./cloudinary/fake-cloudinary").startFakeCloudinary,
}
