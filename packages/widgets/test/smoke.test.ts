import { createMemoryAdapter } from '@ringside/adapter-memory';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';

it('renders', async () => {
  const adapter = createMemoryAdapter();
  const el = await fixture(html`<rs-provider .adapter=${adapter}><rs-balance-card></rs-balance-card></rs-provider>`);
  const card = el.querySelector('rs-balance-card')!;
  await waitUntil(() => card.shadowRoot!.textContent!.includes('$412.35'));
  expect(card.shadowRoot!.textContent).to.include('Credit limit');
});
