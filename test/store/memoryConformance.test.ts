import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../src/store/memoryStorage.js';
import { runStorageConformance } from '../../src/testing/index.js';

runStorageConformance({ describe, it, expect }, { name: 'memory', create: ({ clock }) => createMemoryStorage({ clock }) });
