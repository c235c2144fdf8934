"""Features of a transaction."""


def amount_bucket(amount):
    """The bucket of an amount: 0 small, 1 medium, 2 large."""
    if amount < 10:
        return 0
    elif amount < 1000:
        return 1
    return 2


def is_night(hour):
    """Whether the hour is at night."""
    return hour < 6 or hour >= 22


def features(tx):
    return [amount_bucket(tx["amount"]), 1 if is_night(tx["hour"]) else 0]
