/**
 * Contact policies: what each person has been offered and how they answered (a short history in
 * the grid, rebuilt from the store at start), and the rules that suppress an offer because of it —
 * frequency caps per offer, group and channel, a cooldown after a reject, suppression after an
 * accept or a purchase, and a global cap per person per day.
 */
package io.kairos.engine.contact;
