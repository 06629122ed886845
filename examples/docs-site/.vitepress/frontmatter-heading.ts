import type { MarkdownRenderer } from "vitepress";

type Token = ReturnType<MarkdownRenderer["parse"]>[number];

/**
 * markdown-it plugin: the frontmatter `title` becomes the page's `# heading` and its `description`
 * the paragraph under it, rendered as Markdown (its code spans become `<code>`). The pages of
 * `@contracts/docs` carry both only in frontmatter, as the docs team's spec page does, and
 * VitePress takes a page's heading from its body alone. The tokens are added before markdown-it's
 * later core rules run, so the heading gets its anchor and is the page's title for VitePress like
 * a written one. A page that has its own H1 is left as it is.
 */
export function frontmatterHeading(md: MarkdownRenderer): void {
  md.core.ruler.after("inline", "contracts_frontmatter_heading", (state) => {
    // parseInline (the description below, and any inline rendering) runs the core rules too.
    if (state.inlineMode) return;
    const frontmatter = (state.env as { frontmatter?: Record<string, unknown> }).frontmatter ?? {};
    const { title, description } = frontmatter;
    if (typeof title !== "string" || state.tokens.some((t) => t.type === "heading_open" && t.tag === "h1")) return;
    const added: Token[] = [];
    const open = new state.Token("heading_open", "h1", 1);
    open.markup = "#";
    const text = new state.Token("text", "", 0);
    text.content = title; // a title is a name, shown as written, not parsed as Markdown
    const inline = new state.Token("inline", "", 0);
    inline.content = title;
    inline.children = [text];
    const close = new state.Token("heading_close", "h1", -1);
    close.markup = "#";
    added.push(open, inline, close);
    if (typeof description === "string" && description.trim() !== "") {
      const lead = new state.Token("paragraph_open", "p", 1);
      lead.attrSet("class", "contracts-description");
      added.push(lead, ...state.md.parseInline(description, state.env), new state.Token("paragraph_close", "p", -1));
    }
    state.tokens.unshift(...added);
  });
}

/**
 * The text a reader sees of an inline Markdown description, for `<meta name="description">`,
 * which holds plain text: ``The `X` entity.`` is `The X entity.` (the code span's backticks would
 * show as typed).
 */
export function plainText(md: MarkdownRenderer, markdown: string): string {
  const texts: string[] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.type === "text" || token.type === "code_inline") texts.push(token.content);
      else if (token.type === "softbreak" || token.type === "hardbreak") texts.push(" ");
      if (token.children) walk(token.children);
    }
  };
  walk(md.parseInline(markdown, {}));
  return texts.join("");
}
