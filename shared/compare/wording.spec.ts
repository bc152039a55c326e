import { countOf, listOf, ordinal } from './wording';

describe('wording', () => {
  it.each<[number, string]>([
    [0, '0 images'],
    [1, '1 image'],
    [2, '2 images'],
  ])('counts %i as "%s"', (n, text) => {
    expect(countOf(n, 'image')).toBe(text);
  });

  it.each<[number, string]>([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
    [111, '111th'],
  ])('ranks %i as %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });

  it.each<[string[], string]>([
    [[], ''],
    [['Berlin'], 'Berlin'],
    [['Berlin', 'Munich'], 'Berlin and Munich'],
    [['Berlin', 'Munich', 'Hamburg'], 'Berlin, Munich and Hamburg'],
  ])('lists %j as "%s"', (items, text) => {
    expect(listOf(items)).toBe(text);
  });
});
