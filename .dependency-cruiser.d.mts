// Types of the rule set for the test that feeds it a forbidden import (tests/unit/architecture/boundaries.test.ts).
import type { IConfiguration } from 'dependency-cruiser';
declare const config: IConfiguration;
export default config;
