package com.careloop.contract;

/** Where the contract or order came from: written contract, tender (标书), quotation, phone, oral, web, repeat order. */
public enum ContractSource { WRITTEN, TENDER, QUOTATION, PHONE, ORAL, WEB, REPEAT }
