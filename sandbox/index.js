module.exports = {
  startFakeCloudinary: require("./cloudinary/fake-cloudinary").startFakeCloudinary,
}
