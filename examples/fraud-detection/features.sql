-- Features of the fraud model, in DuckDB SQL. The features task runs this SELECT once per data
-- set, over two tables it creates from the CSV files:
--   transactions  the rows to turn into features (training, held-out or production)
--   training      the training rows only, for statistics that must not see other data
-- It must return transaction_id, is_fraud and numeric feature columns; every other column is a
-- feature of the model, in this order.
WITH category_medians AS (
  SELECT merchant_category, median(amount) AS median_amount
  FROM training
  GROUP BY merchant_category
)
SELECT
  t.transaction_id,
  t.is_fraud,
  ln(1 + t.amount)                                   AS log_amount,
  ln(t.amount / coalesce(m.median_amount, t.amount)) AS log_amount_vs_category,
  CAST(t.hour < 6 AS INTEGER)                        AS is_night,
  sin(2 * pi() * t.hour / 24)                        AS hour_sin,
  cos(2 * pi() * t.hour / 24)                        AS hour_cos,
  CAST(t.day_of_week >= 6 AS INTEGER)                AS is_weekend,
  CAST(t.country <> 'US' AS INTEGER)                 AS is_foreign,
  CAST(t.country IN ('BR', 'NG', 'RU') AS INTEGER)   AS high_risk_country,
  ln(1 + t.card_age_days)                            AS log_card_age,
  CAST(t.card_age_days < 30 AS INTEGER)              AS new_card,
  ln(1 + t.distance_km)                              AS log_distance,
  t.tx_count_24h                                     AS tx_count_24h,
  t.customer_age                                     AS customer_age,
  CAST(t.channel = 'online' AS INTEGER)              AS ch_online,
  CAST(t.channel = 'swipe' AS INTEGER)               AS ch_swipe,
  CAST(t.channel = 'contactless' AS INTEGER)         AS ch_contactless,
  CAST(t.merchant_category = 'online_retail' AS INTEGER) AS cat_online_retail,
  CAST(t.merchant_category = 'electronics' AS INTEGER)   AS cat_electronics,
  CAST(t.merchant_category = 'travel' AS INTEGER)        AS cat_travel,
  CAST(t.merchant_category = 'gas' AS INTEGER)           AS cat_gas,
  CAST(t.merchant_category = 'restaurant' AS INTEGER)    AS cat_restaurant,
  CAST(t.merchant_category = 'entertainment' AS INTEGER) AS cat_entertainment,
  CAST(t.merchant_category = 'pharmacy' AS INTEGER)      AS cat_pharmacy
FROM transactions t
LEFT JOIN category_medians m USING (merchant_category)
ORDER BY t.transaction_id
