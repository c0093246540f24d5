/** The public "about the fund" face: what the fund is called and which fiscal year it is reporting on. */
package kyodo.fund.about;
