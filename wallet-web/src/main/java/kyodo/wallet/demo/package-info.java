/** Demo people, shops, a group and points, created on the first start of an empty database, with sign-in hints. */
package kyodo.wallet.demo;
