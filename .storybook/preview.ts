import type { Preview } from '@storybook/web-components-vite';
import { configure, prettyDOM } from 'storybook/test';
import { adapterLoader, withRingside } from './ringside.js';

// Play functions query widgets through their shadow roots (`within(card.shadowRoot)`). Testing
// Library cannot print a ShadowRoot, so a failed query would report "Expected an element or
// document but got ShadowRoot" instead of what it looked for: print the shadow root's children.
configure({
  getElementError(message, container) {
    const dom = container instanceof ShadowRoot
      ? [...container.children].map((child) => prettyDOM(child, 7000)).join('\n')
      : prettyDOM(container, 7000);
    const error = new Error([message, dom].filter(Boolean).join('\n\n'));
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Ringside theme of the provider around the story',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the provider around the story',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'LTR' },
          { value: 'de', title: 'Deutsch', right: 'LTR' },
          { value: 'ar', title: 'العربية', right: 'RTL' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  loaders: [adapterLoader],
  decorators: [withRingside],
  parameters: {
    layout: 'padded',
    // The page background follows the theme global (see withRingside), not the backgrounds tool.
    backgrounds: { disable: true },
    controls: { expanded: true, sort: 'requiredFirst' },
  },
};

export default preview;
