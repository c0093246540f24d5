/**
 * What a person typed wrong on a form, field by field, so both modules' forms come back with an error summary at
 * the top and the message beside each field (templates/forms.html draws them).
 */
package kyodo.fund.form;
