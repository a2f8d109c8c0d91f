// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real package
// pulls in ESM-only dependencies (uuid 14) that Jest's CommonJS runtime cannot load.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
