/** Browser tests: Debian headless Chromium through chromedriver, at phone width. */
package kyodo.wallet.browser;
