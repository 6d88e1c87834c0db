// nlp.js ships no type declarations; these cover the parts the embedded recognizer uses.
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
    /** Settings for the components of a tag ("nlu-sv": the Swedish classifier); `overwrite` replaces earlier ones. */
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  }
  export function containerBootstrap(settings?: Record<string, unknown>, mustLoadEnv?: boolean): Promise<NlpContainer>;
  const core: { containerBootstrap: typeof containerBootstrap };
  export default core;
}

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpClassifyResult {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    addLanguage(language: string | string[]): void;
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    classify(language: string, utterance: string): Promise<NlpClassifyResult>;
    /** The trained model as JSON (`minified`: without indentation). */
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
  const nlp: { Nlp: typeof Nlp };
  export default nlp;
}

declare module '@nlpjs/lang-sv' {
  export const LangSv: unknown;
  /** The Snowball stemmer the Swedish classifier uses. */
  export class StemmerSv {
    stemWord(word: string): string;
  }
  const langSv: { LangSv: unknown; StemmerSv: typeof StemmerSv };
  export default langSv;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
  /** The Snowball stemmer the English classifier uses. */
  export class StemmerEn {
    stemWord(word: string): string;
  }
  const langEn: { LangEn: unknown; StemmerEn: typeof StemmerEn };
  export default langEn;
}
