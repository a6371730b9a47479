"""Chart builders and the house style (house.mplstyle) for briefings."""
