import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CredentialsReport, SigningInfo } from '../../../shared/provenance/provenance.types';
import { Clock } from '../../common/clock';
import {
  contentSigner,
  type ContentSigner,
  type ParentAsset,
  readCredentials,
  signJpeg,
} from '../../common/content-credentials/content-credentials';
import {
  credentialsReport,
  type OwnSigner,
} from '../../common/content-credentials/credentials-report';
import { finalManifest, finalParentIngredient } from '../../common/content-credentials/manifests';
import type { SigningChainPem } from '../../common/content-credentials/signing-chain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type LoadedChain, loadSigningChain } from './signing-credentials';

/** What a final's manifest says about it. */
export interface FinalFacts {
  fileName: string;
  photographerName: string;
  copyright: string;
  licence: string;
  licenceUrl: string;
}

/** Made once at start: the chain, its signer, and how readers name it. */
interface SigningState {
  chain: LoadedChain;
  signer: ContentSigner;
  own: OwnSigner;
}

/**
 * Content Credentials (C2PA): the signing chain every process signs with, finals signed here,
 * and what any image's credentials say. AI drafts are signed on the render threads, which get
 * the chain from `signingChain()` with each render.
 */
@Injectable()
export class ProvenanceService implements OnModuleInit {
  private readonly logger = new Logger(ProvenanceService.name);
  private state?: SigningState;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const chain = await loadSigningChain(this.config.provenance, this.clock.now());
    // Readers give the serial number in decimal; X509Certificate in hex.
    const serialNumber = BigInt(`0x${chain.leaf.serialNumber}`).toString();
    this.state = {
      chain,
      signer: contentSigner(chain),
      own: { serialNumber, development: chain.development },
    };
    if (chain.development) {
      this.logger.warn(
        `Signing Content Credentials with a development certificate (${this.config.provenance.developmentChainFile}); set C2PA_SIGNING_CERT and C2PA_SIGNING_KEY for one readers can trust`,
      );
    }
  }

  signingChain(): SigningChainPem {
    const { keyPem, chainPem } = this.loaded().chain;
    return { keyPem, chainPem };
  }

  signingInfo(): SigningInfo {
    const { leaf, development } = this.loaded().chain;
    const field = (name: string) => leaf.subject.match(new RegExp(`^${name}=(.+)$`, 'm'))?.[1];
    return {
      development,
      commonName: field('CN') ?? leaf.subject,
      organisation: field('O'),
      notAfter: new Date(leaf.validTo).toISOString(),
    };
  }

  /** A final's JPEG with its manifest; the upload (a camera's credentials and all) is its parent. */
  async signFinal(
    image: Buffer,
    facts: FinalFacts,
    upload: Omit<ParentAsset, 'ingredient'>,
  ): Promise<Buffer> {
    return signJpeg(
      image,
      finalManifest({ title: facts.fileName, ...facts }),
      this.loaded().signer,
      {
        ...upload,
        ingredient: finalParentIngredient(facts.fileName),
      },
    );
  }

  async verify(bytes: Uint8Array, format: string): Promise<CredentialsReport> {
    const read = await readCredentials(bytes, format, {
      trustAnchorsPem: this.config.provenance.trustAnchorsPem,
    });
    return credentialsReport(read, this.loaded().own);
  }

  private loaded(): SigningState {
    if (!this.state) throw new Error('ProvenanceService is used before the module started');
    return this.state;
  }
}
