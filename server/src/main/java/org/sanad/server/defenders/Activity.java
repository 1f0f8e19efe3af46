package org.sanad.server.defenders;

/** What a defender does that puts them at risk. */
enum Activity {
    JOURNALIST,
    LAWYER,
    ACTIVIST,
    WHRD,
    COMMUNITY_LEADER,
    TRADE_UNIONIST,
    ENVIRONMENTAL_DEFENDER,
    STUDENT,
    OTHER
}
