/**
 * Passwords of at least the minimum length that appear near the top of public breach lists.
 * Short on purpose: it stops the obvious ones without shipping a large list.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '0000000000', '0123456789', '1111111111', '1234567890', '12345678910', '123456789a',
  '1q2w3e4r5t', '1qaz2wsx3edc', '2222222222', '5555555555', '7777777777', '9876543210',
  'a123456789', 'aaaaaaaaaa', 'abc1234567', 'abcd123456', 'abcdefghij', 'administrator',
  'asdfghjkl1', 'asdfghjkl;', 'baseball12', 'basketball', 'changeme123', 'charlie123',
  'dragon1234', 'football12', 'football123', 'iloveyou12', 'iloveyou123', 'letmein123',
  'lovely1234', 'michael123', 'monkey1234', 'passw0rd12', 'password01', 'password12',
  'password123', 'password1234', 'password12345', 'password!', 'p@ssw0rd12', 'p@ssword123',
  'princess12', 'qazwsxedc1', 'qazwsxedcrfv', 'qwerty1234', 'qwerty12345', 'qwerty123456',
  'qwertyuiop', 'qwertyuiop1', 'secret1234', 'starwars12', 'sunshine12', 'superman12',
  'trustno1234', 'welcome123', 'welcome1234', 'whatever12', 'zaq12wsxcde', 'zxcvbnm123',
  'zxcvbnmasd', 'lensbridge', 'lensbridge1', 'lensbridge123', 'photographer', 'photography',
  'headshot123', 'mypassword', 'mypassword1', 'computer12', 'internet12', 'master1234',
]);
