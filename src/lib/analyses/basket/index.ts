// Section 8, market basket: SQL of each cell as a pure function of its parameters, and the section text.
export { basketLiftChart } from './basket-lift-chart';
export { basketPairsSql } from './basket-pairs-sql';
export { basketSummarySql } from './basket-summary-sql';
export { chosenLevelsCte } from './chosen-levels-sql';
export { basketTopPairsSql } from './basket-top-pairs-sql';
export { basketSection } from './section';
