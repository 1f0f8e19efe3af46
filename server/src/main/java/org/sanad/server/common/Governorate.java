package org.sanad.server.common;

/** Iraq's governorates: coarse, plaintext location for statistics. Precise places are sealed. */
public enum Governorate {
    ANBAR,
    BABIL,
    BAGHDAD,
    BASRA,
    DHI_QAR,
    DIYALA,
    DUHOK,
    ERBIL,
    HALABJA,
    KARBALA,
    KIRKUK,
    MAYSAN,
    MUTHANNA,
    NAJAF,
    NINEWA,
    QADISIYAH,
    SALADIN,
    SULAYMANIYAH,
    WASIT,
    OUTSIDE_IRAQ
}
