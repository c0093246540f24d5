/** The currency and the application shell: the runnable Kyodo application that assembles the fund into itself. */
package kyodo.wallet;
