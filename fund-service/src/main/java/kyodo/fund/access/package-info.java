/** Who is acting: the signed-in user and roles as the host application's security chain established them. */
package kyodo.fund.access;
