// VitePress's default theme, with a style for the description the frontmatter plugin puts under
// each page's heading.
import DefaultTheme from "vitepress/theme";
import "./style.css";

export default DefaultTheme;
