/**
 * @param {number} degree
 * @return {number}
 */
export default function degreeToRadian(degree) {
  return degree * (Math.PI / 180);
}
