// The bundled Ringside for plain `<script type="module" src="/ringside.js">` pages: registers
// every widget tag and exports the classes and provideRingside(). Lit, @lit/context, i18next and
// @ringside/core are bundled in; chart.js stays a separate chunk that loads when a chart opens.
import '@ringside/widgets/define';

export * from '@ringside/widgets';
