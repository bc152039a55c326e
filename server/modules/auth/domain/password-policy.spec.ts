import { passwordWeakness } from './password-policy';

const person = { email: 'jane.doe@example.com', name: 'Jane Doe' };

describe(passwordWeakness.name, () => {
  it.each([
    ['password123', /most common/],
    ['QWERTYUIOP', /most common/],
    ['aaaaaaaaaaaa', /repeats/],
    ['abababababab', /repeats/],
    ['jane.doe-2026!', /email address/],
    ['Jane Doe', /name/],
  ])('rejects %j', (password, reason) => {
    expect(passwordWeakness(password, person)).toMatch(reason);
  });

  it.each(['correct horse battery', 'v9!Tq2#mLz', 'studio-light-42'])('accepts %j', (password) => {
    expect(passwordWeakness(password, person)).toBeUndefined();
  });
});
