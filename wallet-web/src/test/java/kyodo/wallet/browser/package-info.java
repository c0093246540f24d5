/** Browser tests at phone width: each class drives one headless Chromium that {@link BrowserExtension} starts. */
package kyodo.wallet.browser;
