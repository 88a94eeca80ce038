/**
 * The x axes "Quality vs cost" can plot, as the URL names them (`tradeoff=`): on their own so
 * that reading the URL does not load the chart's model.
 */
export const TRADEOFF_AXES = ['cost', 'latency', 'tokens'] as const;
export type TradeoffAxis = (typeof TRADEOFF_AXES)[number];
