import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function scryptOptions(logN: number, r: number, p: number): ScryptOptions {
  // scrypt needs 128 * N * r bytes; allow twice that so Node does not refuse.
  return { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
}

/**
 * scrypt password hashes in the self-describing form `scrypt$logN$r$p$salt$key`, so the cost
 * can be raised later without invalidating existing hashes. Runs on libuv's thread pool.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly logN: number;
  private decoy?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.logN = config.auth.scryptLogN;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await deriveKey(password, salt, scryptOptions(this.logN, BLOCK_SIZE, PARALLELISM));
    return [
      'scrypt',
      this.logN,
      BLOCK_SIZE,
      PARALLELISM,
      salt.toString('base64'),
      key.toString('base64'),
    ].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, logN, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await deriveKey(
      password,
      Buffer.from(salt, 'base64'),
      scryptOptions(Number(logN), Number(r), Number(p)),
    );
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  onModuleInit(): void {
    // Ready before the first log-in, so an unknown email never costs an extra hash.
    this.decoy = this.hash(randomBytes(16).toString('hex'));
  }

  /** Spends the same time as a real check, for log-ins with an unknown email. */
  async verifyAgainstDecoy(password: string): Promise<false> {
    this.decoy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(password, await this.decoy);
    return false;
  }
}
