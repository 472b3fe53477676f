import { generateKeyPairSync } from 'node:crypto';
import { keyFingerprint } from './httpsig';

export interface RsaKeyPair {
	/** Base64 of the DER SubjectPublicKeyInfo: what a manifest publishes. */
	publicKey: string;
	/** PKCS#8 PEM. */
	privateKey: string;
	/** The keyId others use for it. */
	fingerprint: string;
}

/** A new RSA key pair for HTTP Signatures; 2048 bits, the registry's minimum. */
export function generateRsaKeyPair(): RsaKeyPair {
	const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
	return { publicKey: pair.publicKey.toString('base64'), privateKey: pair.privateKey, fingerprint: keyFingerprint(pair.publicKey) };
}
