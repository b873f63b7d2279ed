import { css, html, type TemplateResult } from 'lit';

export type AriaSort = 'ascending' | 'descending' | 'none';

/**
 * The arrow after a sortable column's heading. It is drawn by CSS, not a glyph such as ▲: many
 * UI fonts lack those, and the browser's search for a fallback font made the first sort's layout
 * several times slower. Decorative: screen readers hear the header's `aria-sort`.
 */
export const sortMark = (sort: AriaSort): TemplateResult => html`<span class="sort-mark ${sort}" aria-hidden="true"></span>`;

export const sortMarkStyles = css`
  .sort-mark {
    display: inline-block;
    flex: none;
    inline-size: 0.6em;
    block-size: 0.45em;
  }
  .sort-mark.ascending,
  .sort-mark.descending {
    background: currentColor;
    /* In forced colours the background would be dropped; currentColor is already the forced text colour. */
    forced-color-adjust: none;
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .sort-mark.descending {
    clip-path: polygon(0 0, 100% 0, 50% 100%);
  }
`;
