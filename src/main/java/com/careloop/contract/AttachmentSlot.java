package com.careloop.contract;

/**
 * What a file on a contract is: the signed contract or order scan, a drawing or specification, the trademark/barcode
 * printing licence copy (商标印制授权书复印件), the review meeting's minutes (评审会议纪要, seed 001-A5),
 * a record of a communication with the customer (001-A15), or anything else.
 */
public enum AttachmentSlot { SCAN, DRAWING, LICENCE, OTHER, MEETING_MINUTES, COMMUNICATION }
