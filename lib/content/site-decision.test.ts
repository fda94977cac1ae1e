import { describe, expect, it } from 'vitest';
import { changedSettings, settingsEffect, startDecision } from './site-decision';
import { DEFAULT_SETTINGS } from '../settings';

const URL = 'https://news.example.com/2025/06/02/talks';

describe('startDecision', () => {
  it('runs by default, waits for the reader when auto-run is off, never runs on a blocked site', () => {
    expect(startDecision(URL, DEFAULT_SETTINGS)).toEqual({ run: true });
    expect(startDecision(URL, { ...DEFAULT_SETTINGS, autoRun: false })).toEqual({ run: false, status: 'idle' });
    expect(startDecision(URL, { ...DEFAULT_SETTINGS, neverSites: ['example.com'] })).toEqual({ run: false, status: 'blocked' });
  });
});

describe('changedSettings and settingsEffect', () => {
  it('reads the new settings only from a local change of "settings"', () => {
    expect(changedSettings({ settings: { newValue: { showNotCovered: false } } }, 'sync')).toBeNull();
    expect(changedSettings({ other: { newValue: 1 } }, 'local')).toBeNull();
    expect(changedSettings({ settings: { newValue: { showNotCovered: false } } }, 'local')).toEqual({ ...DEFAULT_SETTINGS, showNotCovered: false });
  });
  it('repaints when not-covered claims are shown or hidden, stops a checked page whose site was blocked', () => {
    const hide = { ...DEFAULT_SETTINGS, showNotCovered: false };
    const block = { ...DEFAULT_SETTINGS, neverSites: ['news.example.com'] };
    expect(settingsEffect(DEFAULT_SETTINGS, hide, URL, true)).toEqual({ repaint: true, block: false });
    expect(settingsEffect(DEFAULT_SETTINGS, block, URL, true)).toEqual({ repaint: false, block: true });
    expect(settingsEffect(DEFAULT_SETTINGS, block, URL, false)).toEqual({ repaint: false, block: false });
  });
});
