#!/usr/bin/env node
// The `keiyard` command. TypeScript runs through tsx's loader so that a checkout needs no build
// step (docs/decisions/0002-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
