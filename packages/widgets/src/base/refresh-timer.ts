import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `refresh` every `seconds()` seconds while the host is connected, skipping the calls while
 * the page is hidden (a background tab does not poll the backend); 0 or less means never. A
 * changed interval takes effect at the host's next update.
 */
export class RefreshTimer implements ReactiveController {
  readonly #seconds: () => number;
  readonly #refresh: () => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running = 0;
  #connected = false;

  constructor(host: ReactiveControllerHost, seconds: () => number, refresh: () => void) {
    this.#seconds = seconds;
    this.#refresh = refresh;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  hostUpdate(): void {
    if (this.#connected && this.#seconds() !== this.#running) this.#restart();
  }

  #restart(): void {
    this.#stop();
    this.#running = this.#seconds();
    if (this.#running > 0) {
      this.#timer = setInterval(() => {
        if (!document.hidden) this.#refresh();
      }, this.#running * 1000);
    }
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#running = 0;
  }
}
