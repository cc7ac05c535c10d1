import type { BrowserContext } from '@playwright/test';
export const ROOT: string;
export const EXTENSION_DIR: string;
export const FIXTURE_DIR: string;
export const CHROMIUM: string;
export function chromiumArgs(extensionDir: string | null): string[];
export function routeReplicas(context: BrowserContext): Promise<void>;
