/** Sign-in (password and passkeys), sessions, CSRF, security headers and rate limits. */
package kyodo.wallet.security;
