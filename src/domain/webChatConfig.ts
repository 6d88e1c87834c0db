import { z } from 'zod';

/** Azure's Direct Line 3.0 API (global); a regional one such as https://europe.directline.botframework.com/v3/directline also works. */
export const AZURE_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';

const ORIGIN_MESSAGE = 'must be a comma-separated list of origins such as https://www.example.com';

/** An origin as a browser sends it: scheme, host and port only (a wildcard subdomain as CSP allows). */
const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;

/** The Web Chat settings (issue 16, item 7), merged into the one configuration schema. */
export const webChatEnvironment = {
  /** Azure Bot's Direct Line channel secret: set, the page chats through Azure instead of the built-in endpoint. */
  DIRECT_LINE_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined)),
  DIRECT_LINE_ENDPOINT: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.replace(/\/+$/, '') : AZURE_DIRECT_LINE_ENDPOINT))
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://directline.botframework.com/v3/directline' })),
  WEBCHAT_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((list, context) => {
      const origins = (list ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, ''))
        .filter((origin) => origin !== '');
      if (origins.some((origin) => !ORIGIN_PATTERN.test(origin))) {
        context.addIssue({ code: 'custom', message: ORIGIN_MESSAGE });
        return z.NEVER;
      }
      return origins;
    }),
};

export interface WebChatConfig {
  /** Set: the page gets per-user tokens from Azure's Direct Line (the secret stays on the server). */
  directLineSecret: string | undefined;
  /** Direct Line 3.0 base URL: where tokens are generated and where Web Chat then connects. */
  directLineEndpoint: string;
  /** Sites allowed to show the chat page in a frame (CSP frame-ancestors); empty: none. */
  webChatAllowedOrigins: string[];
}

type WebChatEnvironment = z.output<z.ZodObject<typeof webChatEnvironment>>;

export function webChatConfig(e: WebChatEnvironment): WebChatConfig {
  return {
    directLineSecret: e.DIRECT_LINE_SECRET,
    directLineEndpoint: e.DIRECT_LINE_ENDPOINT,
    webChatAllowedOrigins: e.WEBCHAT_ALLOWED_ORIGINS,
  };
}
