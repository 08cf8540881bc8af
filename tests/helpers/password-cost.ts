import { setPasswordCostForTests } from '../../src/lib/server/auth/secrets';

// Integration tests create hundreds of accounts; production's scrypt cost (2¹⁷, ~0.3–0.7 s a hash
// here) would make them minutes slower. Tests of the cost itself set it back (secrets.test.ts).
setPasswordCostForTests({ N: 2 ** 12, r: 8, p: 1 });
