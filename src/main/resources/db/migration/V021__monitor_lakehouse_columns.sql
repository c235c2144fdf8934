ALTER TABLE profile_metrics ADD COLUMN quantiles TEXT;
ALTER TABLE profile_metrics ADD COLUMN frequent_items TEXT;
ALTER TABLE profile_metrics ADD COLUMN non_null_columns TEXT;
ALTER TABLE drift_metrics ADD COLUMN percent_zeros_delta REAL;
ALTER TABLE drift_metrics ADD COLUMN non_null_columns_delta TEXT;
