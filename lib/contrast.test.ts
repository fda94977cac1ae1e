import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, luminance, multiply, parseColor } from './contrast';

describe('WCAG contrast', () => {
  it('parses hex and rgb() colours', () => {
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#0969da')).toEqual({ r: 9, g: 105, b: 218, a: 1 });
    expect(parseColor('#00000080').a).toBeCloseTo(0.502, 3);
    expect(parseColor('rgba(0, 158, 115, 0.18)')).toEqual({ r: 0, g: 158, b: 115, a: 0.18 });
    expect(parseColor('rgb(1 2 3 / 50%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(() => parseColor('red')).toThrow();
  });

  it('gives the luminance and ratios WCAG defines', () => {
    expect(luminance(parseColor('#000'))).toBe(0);
    expect(luminance(parseColor('#fff'))).toBeCloseTo(1, 10);
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    // Known values (WebAIM's checker): #767676 on white is the lightest grey that passes 4.5:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    // The order of the two colours does not matter.
    expect(contrastRatio('#0969da', '#161b22')).toBeCloseTo(contrastRatio('#161b22', '#0969da'), 10);
  });

  it('composites translucent colours over what is beneath them', () => {
    expect(composite(parseColor('rgba(0,0,0,0.5)'), parseColor('#fff')).r).toBeCloseTo(127.5, 5);
    // A 50% black wash over white text on black changes nothing; over a white page it halves the light.
    expect(contrastRatio('#000', 'rgba(255,255,255,0.5)', '#000')).toBeCloseTo(contrastRatio('#000', '#808080'), 1);
    // Multiply: white is neutral, black stays black.
    expect(multiply(parseColor('#ffd600'), parseColor('#ffffff'))).toMatchObject({ r: 255, g: 214, b: 0 });
    expect(multiply(parseColor('#ffd600'), parseColor('#000000'))).toMatchObject({ r: 0, g: 0, b: 0 });
  });
});
