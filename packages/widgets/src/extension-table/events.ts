/** `detail` of `rs-extension-saved`. Only identifiers: no names or other personal data. */
export interface ExtensionSavedDetail {
  id: string;
  number: string;
  created: boolean;
}

/** `detail` of `rs-extension-deleted`: the extensions that are gone (a bulk delete names several). */
export interface ExtensionDeletedDetail {
  ids: string[];
  numbers: string[];
}

/** `detail` of `rs-extension-export`. Cancel the event to handle the file yourself. */
export interface ExtensionExportDetail {
  filename: string;
  /** The CSV text, formula-safe. */
  csv: string;
  /** Rows in the file (the header not counted). */
  count: number;
}

declare module '../base/events.js' {
  interface RingsideEventMap {
    'rs-extension-saved': CustomEvent<ExtensionSavedDetail>;
    'rs-extension-deleted': CustomEvent<ExtensionDeletedDetail>;
    'rs-extension-export': CustomEvent<ExtensionExportDetail>;
  }
}
