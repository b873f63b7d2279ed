import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@ringside/adapter-memory';
import type { RingsideAdapter, StoreOptions } from '@ringside/core';
import { fixture, html } from '@open-wc/testing';
import { within } from 'shadow-dom-testing-library';
import type { RsBalanceCard } from '../src/balance-card/balance-card.component.js';
import type { RsProvider } from '../src/provider/provider.component.js';
import '../src/define.js';

export interface CardSetup {
  provider: RsProvider;
  card: RsBalanceCard;
  /** Role and label queries inside the card's shadow root, as a user finds things. */
  screen: ReturnType<typeof within>;
}

export interface RenderOptions {
  adapter?: RingsideAdapter | null;
  locale?: string;
  theme?: 'light' | 'dark';
  store?: StoreOptions;
}

/** Fast, single-attempt store settings so failures show at once in tests. */
export const QUICK_STORE: StoreOptions = { retry: { retries: 0 }, timeout: 2000 };

export function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return createMemoryAdapter({ now: new Date(), ...options });
}

export async function renderCard(
  options: RenderOptions = {},
  card = html`<rs-balance-card></rs-balance-card>`,
): Promise<CardSetup> {
  const adapter = options.adapter === undefined ? memory() : options.adapter;
  const provider = await fixture<RsProvider>(html`<rs-provider
    .adapter=${adapter}
    .storeOptions=${options.store ?? QUICK_STORE}
    locale=${options.locale ?? 'en'}
    theme=${options.theme ?? 'light'}
    >${card}</rs-provider
  >`);
  const element = provider.querySelector('rs-balance-card')!;
  await element.updateComplete;
  return { provider, card: element, screen: within(element) };
}

/** The text a user sees in the card, with white space collapsed. */
export function visibleText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Captures console.warn calls while `run` executes. */
export async function captureWarnings(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}
