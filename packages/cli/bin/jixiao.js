#!/usr/bin/env node
// 启动器：用 tsx 直接运行 TypeScript 源码（无需预先构建）。
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
