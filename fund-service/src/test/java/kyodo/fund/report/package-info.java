/** Tests of the public reports: every figure against an independent recomputation from the legs. */
package kyodo.fund.report;
