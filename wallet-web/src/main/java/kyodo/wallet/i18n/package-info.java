/** Which language a page is in: Japanese first, English on request ({@code ?lang=en} or the browser's Accept-Language). */
package kyodo.wallet.i18n;
