import type { CSSProperties } from 'react';

/** A list of cards one under the other, whatever the width: a match says too much for columns. */
export const STACK: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 'var(--space-4)' };
