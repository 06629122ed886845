// Vite bundles the theme's stylesheet; for the type checker a CSS import is a module with no exports.
declare module "*.css";
