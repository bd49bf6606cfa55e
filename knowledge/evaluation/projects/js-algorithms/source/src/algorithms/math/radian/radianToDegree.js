/**
 * @param {number} radian
 * @return {number}
 */
export default function radianToDegree(radian) {
  return radian * (180 / Math.PI);
}
